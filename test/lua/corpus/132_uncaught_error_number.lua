print(pcall(error, 1))
error(404)
