print("calling an undefined global")
local result = undefined_function(1, 2)
print(result)
