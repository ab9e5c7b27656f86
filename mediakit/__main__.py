from mediakit.cli import main

main()
