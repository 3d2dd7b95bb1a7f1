-- Method calls on strings: compiled code reads them from the strings' metatable view, so
-- what changes the library, the metatable's __index or the metatable itself must show.
local s = "hello"
print(s:upper(), s:len(), ("x"):rep(3))

-- replacing or removing a library function is seen by method calls
local orig = string.upper
string.upper = function(x) return "UP(" .. x .. ")" end
print(s:upper())
string.upper = nil
print(pcall(function() return s:upper() end))
string.upper = orig
print(s:upper())

-- a method the library lacks
print(pcall(function() return s:nosuch() end))

-- the metatable's __index as a function, then a table with an __index of its own
local mt = getmetatable("")
local lib = mt.__index
mt.__index = function(str, k)
  if k == "shout" then return function(x) return x .. "!" end end
  return lib[k]
end
print(s:shout(), s:upper())
mt.__index = setmetatable({ whisper = function(x) return string.lower(x) end }, { __index = lib })
print(("ABC"):whisper(), s:upper())
mt.__index = lib
print(pcall(function() return s:whisper() end))

-- debug.setmetatable replaces the strings' metatable
debug.setmetatable("", { __index = { twice = function(x) return x .. x end } })
print(s:twice(), pcall(function() return s:upper() end))
debug.setmetatable("", nil)
print(pcall(function() return s:upper() end))
debug.setmetatable("", mt)
print(s:upper())

-- a hot loop
local n = 0
for i = 1, 2000 do n = n + (("a"):rep(i % 7)):len() end
print(n)

-- one call site that sees strings and tables
local obj = { len = function() return -1 end }
for _, v in ipairs({ "abc", obj, "de", setmetatable({}, { __index = obj }) }) do print(v:len()) end
