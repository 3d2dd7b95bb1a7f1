-- Item reads in loops over a local the compiler cannot prove a table (a global function's
-- parameter): compiled code asks once before the loop whether it is one. Every kind of value,
-- tables that change inside the loop, metatables, errors.
function total(t, n)
  local s = 0
  for i = 1, n do
    local v = t[i]
    if v then s = s + v end
  end
  return s
end
print(total({1, 2, 3}, 3), total({1, 2, 3}, 5), total({}, 2))
print(total(setmetatable({}, { __index = function(_, k) return k * 10 end }), 3))
print(total(setmetatable({5}, { __index = { 7, 8, 9 } }), 3))
print(pcall(total, "abc", 2))
print(pcall(total, nil, 1))
print(pcall(total, 42, 1))
print(pcall(total, true, 1))
local proxy = newproxy(true)
getmetatable(proxy).__index = function(_, k) return k end
print(total(proxy, 4))
print(select(2, pcall(total, {1, "x"}, 2)))

-- the table changes while the loop runs: items removed, added, the array part rebuilt
function drain(t)
  local seen = {}
  for i = 1, 6 do
    seen[#seen + 1] = tostring(t[i])
    if i == 2 then table.remove(t, 1) end
    if i == 3 then t[#t + 1] = "late" end
    if i == 4 then for k = 1, 10 do t[k] = nil end; t[5] = "five" end
  end
  return table.concat(seen, " ")
end
print(drain({ "a", "b", "c", "d" }))

-- nested loops and a while, reading two locals; one of them a string
function grid(rows, cols)
  local out = {}
  local r = 1
  while rows[r] do
    for c = 1, #cols do out[#out + 1] = rows[r] .. cols[c] end
    r = r + 1
  end
  return table.concat(out, ",")
end
print(grid({ "x", "y" }, { "1", "2", "3" }))
print(pcall(grid, { "x" }, 5))
print(pcall(grid, "rows", {}))

-- a repeat whose until reads the table, and a goto out of the loop
function find(t, want)
  local i = 0
  repeat
    i = i + 1
    if t[i] == want then goto found end
  until t[i] == nil
  do return "missing" end
  ::found::
  return "at " .. i
end
print(find({ 4, 5, 6 }, 6), find({ 4, 5, 6 }, 7), find({}, 1))

-- the local is shadowed inside the loop, and captured by a closure made in it
function shadow(t)
  local fs = {}
  for i = 1, 3 do
    local t = { i * 100 }
    fs[i] = function() return t[1] end
  end
  local s = 0
  for i = 1, 3 do s = s + fs[i]() + (t[i] or 0) end
  return s
end
print(shadow({ 1, 2, 3 }), shadow("str"))
