from ppidctl.cli.main import main

main()
