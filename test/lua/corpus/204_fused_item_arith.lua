-- Arithmetic on array items, including reads that miss the array part (t[0], holes, __index).
local u = {}
for i = 0, 9 do u[i] = i * 1.5 end
local acc = 0
for i = 0, 9 do acc = acc + 2 * u[i] end
print(acc)
local lt = 0
for i = 0, 9 do if u[i] < 6 then lt = lt + 1 end end
print(lt)
for i = 0, 9 do if 3 <= u[i] then lt = lt + 1 end end
print(lt)
local m = 0
for i = 0, 9 do m = m + u[i] * u[i] - u[i] / 2 + u[i] % 4 + 2 ^ (u[i] / 10) end
print(string.format("%.6f", m))
local proxy = setmetatable({ 10, 20 }, { __index = function(t, k) return k * 100 end })
local p = 0
for i = -1, 4 do p = p + proxy[i] end
print(p)
local vec = setmetatable({}, { __add = function(a, b) return "added" end, __lt = function() return true end })
local objs = { vec, vec }
print(objs[1] + 1, 1 + objs[2], objs[1] < objs[2])
local holes = { 1, nil, 3 }
print(pcall(function() return 1 + holes[2] end))
print(pcall(function() return holes[2] * 2 end))
print(pcall(function() local q = {} return q[0] - 1 end))
print(pcall(function() return holes[1] < holes[2] end))
local strs = { "10", "0x10", " 5 " }
print(strs[1] + 1, strs[2] * 2, 1 - strs[3])
local function side()
  local log = {}
  local t = setmetatable({}, { __index = function(_, k) log[#log + 1] = "index " .. k; return k end })
  local function f() log[#log + 1] = "call"; return 1 end
  local r = f() + t[5]
  local r2 = t[6] + f()
  print(r, r2, table.concat(log, ","))
end
side()
local big = {}
for i = 1, 5 do big[i] = i end
big[3] = nil
local sum = 0
for i = 1, 5 do sum = sum + (big[i] or 0) end
print(sum)
-- concatenation with numbers on either side
local n = 0
for i = 1, 3 do n = n + #("k" .. i .. ":" .. i * 0.5 .. ";" .. 2 ^ 53 .. "," .. -0.0 .. 1e14 .. 1e100) end
print(n, "k" .. 1 / 0 .. -1 / 0 .. 0 / 0 == "kinf-infnan" or "k" .. 1 / 0 .. -1 / 0)
local f = 0.1
print(f .. "", 1e15 .. "", 123456789012345 .. "", -7 .. "", 3 .. 4)
local mixed = { 1, "a", 2.5 }
local out = ""
for i = 1, 3 do local x = mixed[i]; out = out .. x end
print(out)
