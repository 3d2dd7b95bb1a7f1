local function count(a, b, c)
  local n, first, last = 0, nil, nil
  if c then
    for i = a, b, c do n = n + 1 first = first or i last = i if n > 1000 then break end end
  else
    for i = a, b do n = n + 1 first = first or i last = i if n > 1000 then break end end
  end
  return n, first, last
end
print(count(1, 0/0))
print(count(0/0, 10))
print(count(1, 10, 0/0))
print(count(1, math.huge, 1e308))
print(count(-math.huge, 0))
print(count(1, 3, math.huge))
print(count(3, 1, -math.huge))
print(count(0.1, 1, 0.1))
print(count(1, 1.0000000001))
print(count(2^53, 2^53 + 2))
print(count(-0.0, 0))
print(count(1, -1, -1))
print(count("2", "4", "1"))
print(count(10, 1, -3))
print(count(1e15, 1e15 + 3))
