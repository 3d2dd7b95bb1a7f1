local t = 1700000000 -- 2023-11-14 22:13:20 UTC
local specs = {"a", "A", "b", "B", "d", "H", "I", "j", "m", "M", "p", "S", "w", "y", "Y", "%"}
for _, c in ipairs(specs) do io.write(c, "=", os.date("!%" .. c, t), " ") end
print()
for _, ts in ipairs({0, 59, 3600, 43200, 86399, 951782400, 1078012800, 2147483647}) do
  print(ts, os.date("!%Y-%m-%d %H:%M:%S %a %j", ts))
end
local d = os.date("!*t", t)
local keys = {}
for k in pairs(d) do keys[#keys + 1] = k end
table.sort(keys)
for _, k in ipairs(keys) do io.write(k, "=", tostring(d[k]), " ") end
print()
print(os.date("!literal text only", t))
print(os.date("!", t) == "")
print(os.date("!%Y%m%d", -86400))
-- leap years via *t
for _, y in ipairs({1900, 2000, 2023, 2024}) do
  local feb29 = os.date("!*t", os.time({year = y, month = 3, day = 1, hour = 12}) - 86400)
  io.write(y, ":", feb29.day, " ")
end
print()
