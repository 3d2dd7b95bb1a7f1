local vals = {0, 1, -1, 0.5, 1e15, 1e16, 123.456, -0.001, 2^40, 1/3, 1e-10, 1e300}
for i, v in ipairs(vals) do
  print(i, tostring(v), v .. "", string.format("%.14g", v))
end
print(tostring(10) == "10", 10 .. "" == "10")
print(1 .. 2, 1.5 .. "|", -0.0 .. "")
print(2^53 .. "", 1e100 .. "")
print(#tostring(12345), #tostring(0.1))
print(tostring(1e15 - 1), tostring(1e15 + 1))
print(tostring(123456789.123))
print(tostring(-1e-300), tostring(5e-320))
-- tostring of values built by arithmetic
print(tostring(0.1 * 3), tostring(1 - 0.9), tostring(100 * 1.1))
print(tostring(2^31), tostring(-2^31), tostring(2^32 - 1), tostring(2^52), tostring(2^52 + 0.5))
print(tostring(1e14 / 3), tostring(1e-3 / 3), tostring(7e-7), tostring(123456.7890123))
print(tostring(12345678901234.5), tostring(0.000001), tostring(1e-6 * 1.5))
print(tostring(-1/3), tostring(-(2^53)), tostring(1e16 + 1), tostring(99999999999999.99))
for e = -3, 3 do io.write(tostring(1.5 * 10 ^ e), " ") end print()
for e = 13, 17 do io.write(tostring(10 ^ e + 1), " ") end print()
print(("%s %s"):format(1/7, 22/7), 1/7 .. "", (22/7) .. "")
