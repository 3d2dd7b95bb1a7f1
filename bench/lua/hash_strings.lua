-- Hash part of tables: insert and look up string keys, including misses.
local n = tonumber(arg and arg[1]) or 300000
local t = {}
for i = 1, n do t["key" .. i] = i end
local hits, sum = 0, 0
for round = 1, 3 do
  for i = 1, n * 2, 3 do
    local v = t["key" .. i]
    if v then hits = hits + 1; sum = (sum + v * round) % 1000000007 end
  end
end
for i = 1, n, 2 do t["key" .. i] = nil end
local left = 0
for _, v in pairs(t) do left = left + v end
print("checksum", hits, sum, left)
