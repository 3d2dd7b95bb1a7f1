for i = 1, 3 do io.write(i, " ") end print()
for i = 3, 1 do io.write(i, " ") end print("(none)")
for i = 3, 1, -1 do io.write(i, " ") end print()
for i = 1, 10, 3 do io.write(i, " ") end print()
for i = 10, 1, -4 do io.write(i, " ") end print()
for i = 0, 1, 0.25 do io.write(i, " ") end print()
for i = 1, 0, -0.5 do io.write(i, " ") end print()
for i = 0.1, 0.5, 0.1 do io.write(i, " ") end print()
for i = 1, 2, 0.3 do io.write(i, " ") end print()
for i = -3, 3, 2 do io.write(i, " ") end print()
for i = 1, 1 do io.write("once ") end print()
for i = 1.5, 3.5 do io.write(i, " ") end print()
for i = 1, 3.9 do io.write(i, " ") end print()
for i = 5, -5, -2.5 do io.write(i, " ") end print()
-- modifying the loop variable does not affect iteration
for i = 1, 5 do
  io.write(i, ":")
  i = i * 10
  io.write(i, " ")
end
print()
-- limit and step are evaluated once
local limit = 3
local evals = 0
local function lim() evals = evals + 1 return limit end
for i = 1, lim() do limit = 100 io.write(i, " ") end
print("evals", evals)
-- loop variable is local to the loop
local i = "outer"
for i = 1, 2 do end
print(i)
-- string bounds are coerced
for v = "1", "3" do io.write(v, type(v), " ") end print()
print(pcall(function() for v = 1, "x" do end end))
print(pcall(function() for v = 1, 2, {} do end end))
print(pcall(function() for v = nil, 2 do end end))
-- large step counts
local c = 0
for v = 1, 100000 do c = c + 1 end
print(c)
-- huge limit with break
for v = 1, math.huge do if v > 3 then break end io.write(v, " ") end print()
for v = -1, -math.huge, -1 do if v < -3 then break end io.write(v, " ") end print()
-- float accumulation
local sum = 0
for v = 0, 1, 0.1 do sum = sum + 1 end
print("steps", sum)
