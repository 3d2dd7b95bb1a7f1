-- The line an operation reports is where its last operand ends (luajit emits it after
-- parsing the operands): multi-line arithmetic, concatenation, comparisons, indexing, calls.
local t = {}
print(pcall(function() return [[
x]] .. false end))
print(pcall(function() local x = t.nope +
  1 return x end))
print(pcall(function() local x = 1 +
  t.nope return x end))
print(pcall(function() local x = (t.nope
  + 1) return x end))
print(pcall(function() local x = "a" ..
  "b" ..
  {} return x end))
print(pcall(function() local x = {} ..
  "b" ..
  "c" return x end))
print(pcall(function() local x = t.nope
  .x return x end))
print(pcall(function() local x = t.nope <
  1 return x end))
print(pcall(function() local x = -
  t.nope return x end))
print(pcall(function() local x = #
  t.nope return x end))
print(pcall(function() return t.nope(
  1) end))
print(pcall(function() local x = 1 + [[
]] return x end))
print(pcall(function() local x = t.nope == 1 or t.nope .. 
  "x" return x end))
-- a call spanning lines: the caller's frame in a traceback is at the call's last line
local function boom() error("boom") end
print(select(2, xpcall(function()
  boom(
    1,
    2)
end, function(m) return (debug.traceback(m, 1):gsub("0x%x+", "ADDR")) end)))
-- a call that is not a tail call fails on the line of its `(`; a string or table argument's own line
print(pcall(function() local x = t.nope(
  1) return x end))
print(pcall(function() local x = t.nope
  "s" return x end))
print(pcall(function() local x = t.nope
  { 1,
    2 } return x end))
print(pcall(function() local x = t
  .nope
  .deeper(1) return x end))
