-- an uncaught nil error: luajit exits with status 1 and prints nothing to stderr
print(pcall(error))
print("error with nil value")
error()
