local function validate(x)
  if type(x) ~= "number" then error("validate: expected number", 2) end
  return x
end
local function process(v)
  return validate(v)
end
print(process(5))
print(process("five"))
