local function lvl(n) error("msg at level " .. tostring(n), n) end
local function caller(n) lvl(n) end
print(pcall(caller, 1))
print(pcall(caller, 2))
print(pcall(caller, 3))
print(pcall(caller, 0))
local function check(x)
  if type(x) ~= "number" then error("expected number, got " .. type(x), 2) end
  return x
end
local function user() return check("str") end
print(pcall(user))
local function deep3() error("deep", 3) end
local function deep2() deep3() end
local function deep1() deep2() end
print(pcall(deep1))
print(pcall(function() error("lvl 2 from anon", 2) end))
local function validate(v)
  assert(type(v) == "string", "validate: not a string")
  return v
end
print(pcall(validate, 1))
print(pcall(validate, "ok"))
-- error with non-string and level is unaffected
print(pcall(function() error({}, 2) end) == false)
local ok, e = pcall(function() error(99, 2) end)
print(ok, e, type(e))
-- level pointing beyond the stack
print(pcall(function() error("far", 50) end))
