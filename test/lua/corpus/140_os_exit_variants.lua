-- os.exit(true) exits with status 0 (no .err/.code recorded)
io.write("before exit\n")
print("exit with true")
os.exit(true)
