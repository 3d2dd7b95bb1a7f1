local nan = 0/0
local inf = 1/0
print(nan, -nan, inf, -inf)
print(math.huge - math.huge, inf * 0, math.sqrt(-1))
print(nan == nan, nan ~= nan, nan < nan, nan <= nan, nan > 1, nan < 1)
print(inf == inf, inf > 1e308, -inf < -1e308, inf == -inf)
print(tostring(nan), tostring(-(0/0)), tostring(inf))
print(string.format("%f %f %f", inf, -inf, nan))
print(string.format("%g %g", inf, -inf))
print(string.format("%.3f", 1/0))
print(inf + 1, inf - inf, inf / inf, -inf * -1)
print(math.floor(inf), math.ceil(-inf))
print(math.max(1, inf), math.min(1, -inf))
print(tonumber("inf"), tonumber("nan"), tonumber("-inf"), tonumber("infinity"))
print(tonumber("1e500"), tonumber("-1e500"))
local t = {}
print(pcall(function() t[0/0] = 1 end))
print(t[0/0])
print(rawget(t, 0/0))
t[1/0] = "inf"
t[-1/0] = "-inf"
print(t[1/0], t[-1/0], t[math.huge])
print(nan ~= nan and "nan differs" or "same")
local function isnan(x) return x ~= x end
print(isnan(nan), isnan(inf), isnan(0))
print(inf % 2, 5 % inf, -5 % inf, 5 % -inf)
print(2 ^ inf, 0.5 ^ inf, 1 ^ inf, inf ^ 0, nan ^ 0)
print(0 ^ 0, 0 ^ -1, (-8) ^ (1/3))
