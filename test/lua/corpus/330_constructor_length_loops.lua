-- The same constructors run again and again with different holes: `#` follows luajit's
-- layout for each pattern of nil values (roverc models each pattern once and remembers it).
local function bit(mask, i) if math.floor(mask / 2 ^ (i - 1)) % 2 == 1 then return i end end

local out = {}
for mask = 0, 63 do
  local a, b, c, d, e, f = bit(mask, 1), bit(mask, 2), bit(mask, 3), bit(mask, 4), bit(mask, 5), bit(mask, 6)
  local t1 = {a, b, c, d, e, f}
  local t2 = {a, nil, b, c, [6] = d, e}
  local t3 = {1, a, 3, b, 5, c, [8] = d, [9] = e, f}
  local t4 = {[1] = a, [2] = b, [3] = c, [5] = d, [8] = e, [9] = f}
  local t5 = {a, b, 3, nil, c, [true] = d, e, f}
  out[#out + 1] = #t1 .. "," .. #t2 .. "," .. #t3 .. "," .. #t4 .. "," .. #t5
end
for i = 1, #out, 8 do print(table.concat(out, " ", i, i + 7)) end

-- a constructor of constants with a hole, in a loop
local sum = 0
for _ = 1, 1000 do sum = sum + #{1, nil, 3, 4, 5, nil, 7} end
print(sum)
