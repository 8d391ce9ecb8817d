"""Rules ppidctl enforces: working-day calendar, deadlines, numbering, required documents."""
