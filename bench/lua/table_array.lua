-- Array part of tables: append with t[#t+1] and table.insert, indexed reads, sums.
local n = tonumber(arg and arg[1]) or 3000000
local sum = 0
for round = 1, 4 do
  local t = {}
  for i = 1, n do t[#t + 1] = (i * round) % 1000 end
  local u = {}
  for i = 1, n, 2 do table.insert(u, t[i] + t[i + 1]) end
  for i = 1, #t do sum = sum + t[i] end
  for i = #u, 1, -1 do sum = sum + u[i] * 2 end
  sum = sum % 1000000007
end
print("checksum", sum)
