io.write("exiting with code 3\n")
print("flushed?")
os.exit(3)
print("not reached")
