-- integer-valued floats print as integers; luajit has only doubles
print(3.0, -3.0, 1e0, 2^10, 10/5)
print(1.0 == 1, math.floor(3.7) == 3, 2^53 == 2^53 + 1)
print(5 / 2, 6 / 2, -6 / 2, 7 / -7)
print(1e15 + 0.5, 1e14 + 0.5)
print(math.floor(-0.0), -0.0 == 0.0, 1/(-0.0))
print(string.format("%d", 3.0), string.format("%d", -7))
print(math.type and "has math.type" or "no math.type")
local t = {}
t[1.0] = "one"
t[2] = "two"
print(t[1], t[2.0], #t)
t[3.5] = "frac"
print(t[3.5], #t)
for i = 1.0, 3 do io.write(i, " ") end print()
for i = 1, 2, 0.5 do io.write(i, " ") end print()
print(0x10 + 0.0, 1e2 + 0)
print(-(2^31), 2^31 * 2, 2^52 + 0.5, 2^52 + 1.5)
print(10 % 3.0, 10.5 % 3, -10.5 % 3)
print(3 == 3.0000000000000001, 3 == 3.000000000001)
print(100000000000000, 1e14 == 100000000000000)
print(tostring(2^63) == "9.2233720368548e+18")
print(string.format("%.0f", 2^63), string.format("%.0f", 2^53 + 1))
print(math.abs(-0.0), -0.0)
print(string.format("%g", -0.0), string.format("%.1f", -0.0))
print(0.0 == -0.0, tostring(0.0), tostring(-0.0))
local z = 0
print(-z, z * -1, 0/-1)
