-- ipairs loops (compiled code steps them without calling the iterator): raw reads, holes,
-- the table changed while the loop runs, replaced functions, errors.
local function show(t)
  local out = {}
  for i, v in ipairs(t) do out[#out + 1] = i .. "=" .. tostring(v) end
  return table.concat(out, " ")
end

-- holes: the loop stops at the first nil, whatever follows
print(show({ 1, 2, nil, 4 }))
print(show({ nil, 2 }))
print(show({}))
local h = {}
h[1] = "a"; h[2] = "b"; h[4] = "d"
print(show(h))
-- keys that reach the array part from the hash part, and ones that stay in the hash part
local m = {}
m[3] = "c"; m[2] = "b"; m[1] = "a"
print(show(m))
local far = { 1, 2 }
far[4] = 4; far[3] = 3; far[6] = 6
print(show(far))
local neg = { [0] = "zero", [-1] = "minus", "one", "two", [2.5] = "half" }
print(show(neg))
-- mixed values
print(show({ false, true, "s", 1.5, 0 / 0 ~= 0 / 0 }))

-- raw: __index does not fill holes, __newindex is not involved
local proto = { "p1", "p2", "p3" }
local inst = setmetatable({ "own1" }, { __index = proto })
print(show(inst))
print(show(setmetatable({}, { __index = function(_, k) return k * 10 end })))
local calls = 0
local counted = setmetatable({ 1, 2 }, { __index = function() calls = calls + 1 end, __len = function() return 99 end })
print(show(counted), calls)

-- items set to nil during the loop: the loop stops there
local t = { 1, 2, 3, 4, 5 }
for i, v in ipairs(t) do
  io.write(i, ":", v, " ")
  if i == 2 then t[4] = nil end
end
print()
-- the last item set to nil (the array part shrinks), then set again
t = { 1, 2, 3 }
for i, v in ipairs(t) do
  io.write(i, ":", v, " ")
  if i == 1 then t[3] = nil; t[3] = "back" end
end
print()
-- items appended during the loop are visited
t = { 1, 2 }
for i, v in ipairs(t) do
  io.write(i, ":", v, " ")
  if i < 5 then t[#t + 1] = v * 10 end
end
print()
-- items appended through the hash part (a hole filled later)
t = { 1 }
for i, v in ipairs(t) do
  io.write(i, ":", v, " ")
  if i == 1 then t[3] = "three"; t[2] = "two" end
end
print()
-- items changed ahead and behind
t = { 1, 2, 3, 4 }
for i, v in ipairs(t) do
  io.write(i, ":", v, " ")
  t[i + 1] = t[i + 1] and t[i + 1] * 100
  t[1] = "changed"
end
print()
-- table.remove and table.insert during the loop
t = { "a", "b", "c", "d", "e" }
for i, v in ipairs(t) do
  io.write(i, ":", v, " ")
  if v == "b" then table.remove(t, i) end
  if v == "d" and #t < 8 then table.insert(t, 1, "z") end
end
print()
-- the local holding the table replaced in the body: the loop goes on over the first table
t = { 1, 2, 3 }
for i, v in ipairs(t) do
  io.write(i, ":", v, " ")
  t = { "x", "y", "z", "w" }
end
print(#t)
-- the control variable assigned in the body: the next step does not see it
for i, v in ipairs({ "a", "b", "c" }) do
  io.write(i, v, " ")
  i = i + 10
  v = nil
  io.write(i, tostring(v), " ")
end
print()

-- break, nested loops over one table, closures keep each step's variables
local grid = { 1, 2, 3 }
local pairsSeen = {}
for i, a in ipairs(grid) do
  for j, b in ipairs(grid) do
    if j > i then break end
    pairsSeen[#pairsSeen + 1] = a .. b
  end
end
print(table.concat(pairsSeen, ","))
local fns = {}
for i, v in ipairs({ "p", "q", "r" }) do fns[i] = function() return i .. v end end
print(fns[1](), fns[2](), fns[3]())
-- one variable, three variables
for i in ipairs({ 5, 6 }) do io.write(i, " ") end
for i, v, extra in ipairs({ 5, 6 }) do io.write(i, v, tostring(extra), " ") end
print()
-- goto continue
for i, v in ipairs({ 1, 2, 3, 4 }) do
  if v % 2 == 0 then goto continue end
  io.write(v, " ")
  ::continue::
end
print()

-- a replaced or aliased ipairs
local lib = ipairs
local alias = ipairs
print(show({ 7, 8 }) == (function() local o = {} for i, v in alias({ 7, 8 }) do o[#o + 1] = i .. "=" .. v end return table.concat(o, " ") end)())
ipairs = function(x)
  io.write("[mine] ")
  return lib(x)
end
for i, v in ipairs({ "m1", "m2" }) do io.write(i, v, " ") end
print()
ipairs = function(x)
  return function(s, i)
    if i < #s then return i + 1, s[i + 1] .. "!" end
  end, x, 0
end
for i, v in ipairs({ "n1", "n2" }) do io.write(i, v, " ") end
print()
ipairs = lib
-- the iterator itself, with other controls and states
local iter = ipairs({})
for i, v in iter, { 10, 20, 30 }, 1 do io.write(i, "=", v, " ") end
for i, v in iter, { 10, 20, 30 }, 1.5 do io.write(i, "=", v, " ") end
for i, v in iter, { 10, 20, 30 }, -1 do io.write(i, "=", v, " ") end
print()
print(pcall(function() for i, v in iter, { 1 }, "0" do io.write(i, v, " ") end end))
print(pcall(function() for i, v in iter, { 1 }, "x" do end end))
print(pcall(function() for i, v in iter, "abc", 0 do end end))
print(pcall(function() for i, v in iter, nil, 0 do end end))

-- errors
print(pcall(function() for i, v in ipairs(nil) do end end))
print(pcall(function() for i, v in ipairs("abc") do end end))
print(pcall(function() for i, v in ipairs() do end end))
print(pcall(function() local u = nil; for i, v in ipairs(u.x) do end end))
print(pcall(function() for i, v in ipairs({ 1, 2 }) do error("in body " .. i) end end))
print(pcall(function() for i, v in ipairs({ 1, "x" }) do local _ = v + 1 end end))
-- a table whose metatable indexes the string library: an empty loop
print(pcall(function() for i, v in ipairs(setmetatable({}, { __index = string })) do end end))
