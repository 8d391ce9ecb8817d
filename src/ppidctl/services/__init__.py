"""Use cases: one function per step of the two SOPs (load → validate → number → deadline →
render → commit). The CLI is a thin layer over these; report scripts may call them too."""
