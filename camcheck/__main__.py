from camcheck.cli import main

main()
