-- string.format of integers and floats with assorted widths and precisions.
local n = tonumber(arg and arg[1]) or 300000
local len, bytes = 0, 0
for i = 1, n do
  local x = i * 1.37 - n / 3
  local s = string.format("%d|%5d|%-6d|%x|%08.3f|%.2f|%g|%e|%s", i, i % 1000, -i, i,
    x, x / 7, x * 1e-3, x * 1e5, i % 8 + 0.5)
  len = len + #s
  bytes = (bytes * 31 + s:byte(#s) + s:byte(12)) % 1000000007
end
print("last", string.format("%.3f %g %5.1f", n * 1.37, n / 3, -n / 7))
print("checksum", len, bytes)
