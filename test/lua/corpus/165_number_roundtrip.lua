local vals = {0, 1, -1, 0.1, 0.2, 0.3, 1/3, 2/3, 1e-7, 123.456, 1e21, 1e22, 2^-30, 2^60, 3.14159265358979, 1e15 + 0.3, 9007199254740993}
for _, v in ipairs(vals) do
  local s = tostring(v)
  local back = tonumber(s)
  local s17 = string.format("%.17g", v)
  print(s, back == v, tonumber(s17) == v, s17)
end
local function thousands(n)
  local s = string.format("%d", n)
  local neg = s:sub(1, 1) == "-"
  if neg then s = s:sub(2) end
  s = s:reverse():gsub("(%d%d%d)", "%1,"):reverse()
  if s:sub(1, 1) == "," then s = s:sub(2) end
  return (neg and "-" or "") .. s
end
for _, n in ipairs({0, 12, 123, 1234, 123456, 1234567, -9876543, 2^40}) do io.write(thousands(n), " ") end
print()
local function round(x, places)
  local m = 10 ^ (places or 0)
  return math.floor(x * m + 0.5) / m
end
print(round(3.14159, 2), round(2.5), round(-2.5), round(1234.5678, -2), round(0.1 + 0.2, 10))
local function fmt_bytes(n)
  local units = {"B", "KB", "MB", "GB", "TB"}
  local i = 1
  while n >= 1024 and i < #units do n = n / 1024 i = i + 1 end
  return string.format(i == 1 and "%d %s" or "%.1f %s", n, units[i])
end
for _, b in ipairs({0, 512, 1024, 1536, 1048576, 5e9, 2^50}) do io.write(fmt_bytes(b), "; ") end
print()
print(string.format("%5.1f%%", 45.678), string.format("%05.1f", 9.96), string.format("%.2f", 1e-10))
