print(pcall(error, setmetatable({}, {__tostring = function() return "caught one" end})) == false)
local E = setmetatable({msg = "custom error object"}, {__tostring = function(e) return "E: " .. e.msg end})
print("throwing an object with __tostring")
error(E)
