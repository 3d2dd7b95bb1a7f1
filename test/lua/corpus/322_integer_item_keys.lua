-- Item keys the compiler knows to be integers (loop variables with integer start and step,
-- #t, and + - * of those) skip part of the index test; every such key must still read and
-- write what luajit does: holes, keys past the end, zero and negative keys, the hash part.
local t = {}
for i = 1, 10 do t[i] = i * i end
for i = 10, 1, -3 do io.write(t[i], " ") end print()
for i = 0, 3 do io.write(tostring(t[i]), " ") end print()            -- t[0] is in no array part
for i = -2, 2 do t[i] = -i end
for i = -2, 12 do io.write(tostring(t[i]), ",") end print()
for i = 1, 5 do t[#t + 1] = i end                                     -- pushes
print(#t, t[11], t[15], t[16])
for i = 2, 6 do t[i * 2] = nil end                                    -- holes
for i = 1, 16 do io.write(tostring(t[i]), " ") end print()
for i = 1, 3 do io.write(tostring(t[i - 4]), tostring(t[i + 20]), " ") end print()

-- fractional starts and steps: not integers, the general test
local f = { 10, 20, 30, 40 }
for x = 0.5, 3 do io.write(tostring(f[x]), tostring(f[x + 0.5]), " ") end print()
for x = 1, 3, 0.5 do io.write(tostring(f[x]), " ") end print()
f[1.5] = "one and a half"
for x = 1, 2, 0.5 do io.write(tostring(f[x]), "|") end print()

-- a loop variable assigned in the body, and captured by closures
for i = 1, 4 do
  local k = i
  i = i + 0.5
  io.write(tostring(f[i]), tostring(f[k]), " ")
end
print()
local readers = {}
for i = 1, 3 do readers[i] = function() return f[i], f[i * 2], f[-i] end end
for i = 1, 3 do print(readers[i]()) end

-- keys from #: a string's length and a table's border
local s = "hello"
local g = { "a", "b", "c", "d", "e", "f" }
print(g[#s], g[#g], g[#g + 1], g[#s - 1])

-- tables with a metatable and no array part: __index and __newindex see every key
local seen = {}
local m = setmetatable({}, {
  __index = function(_, k) return "idx" .. k end,
  __newindex = function(tt, k, v) seen[#seen + 1] = k; rawset(tt, k, v) end,
})
for i = 1, 3 do io.write(m[i], " ") end print()
for i = 1, 3 do m[i] = i * 10 end
for i = 1, 4 do io.write(tostring(m[i]), " ") end print(#seen)
for i = 2, 1, -1 do m[i] = nil end
for i = 1, 3 do io.write(m[i], " ") end print()

-- products and differences of loop variables as keys, on a grid stored row by row
local w, h = 4, 3
local grid = {}
for y = 0, h - 1 do for x = 1, w do grid[y * w + x] = x + y * 10 end end
local acc = 0
for y = 0, h - 1 do for x = 1, w do acc = acc + grid[y * w + x] * (x - y) end end
print(#grid, acc, grid[w * h], grid[w * h + 1], grid[0])

-- a string indexed by loop variables goes to the string metatable's __index (nil), not an array
local str = "abc"
for i = 1, 2 do io.write(tostring(str[i]), " ") end print()
print(pcall(function() local n = nil; for i = 1, 2 do local _ = n[i] end end))
