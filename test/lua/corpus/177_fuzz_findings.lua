-- Disagreements the differential fuzzer found (test/fuzz), kept as regression tests.
-- A string literal that reads like a block keyword after `return`.
local function kw() return "end" end
local function kw2() return [[until]], "else" end
print(kw(), kw2())
-- luajit's ceil keeps the sign of its round-to-nearest step.
print(math.ceil(-0.75), math.ceil(-0.5), math.ceil(-0.25), math.ceil(-0.9999), math.ceil(-0))
-- A local operand is read when the operation runs, after the other operand's call.
local x = 1
local function bump() x = x + 10 return 5 end
print(x < bump())
print(x + bump())
print(x .. bump())
local t = { v = 1 }
local function setv() t.v = 100 return 1 end
print(t.v + setv())
-- Chunk names of loadstring'd code, at and past luajit's 48-character limit.
for n = 40, 50 do
  local src = "return " .. string.rep("y", n - 7) .. " + nil"
  print(n, select(2, pcall(loadstring(src))))
end
print(select(2, pcall(loadstring("error('two lines')\nreturn 1"))))
