local function map(t, f) local r = {} for i, v in ipairs(t) do r[i] = f(v, i) end return r end
local function filter(t, p) local r = {} for _, v in ipairs(t) do if p(v) then r[#r + 1] = v end end return r end
local function reduce(t, f, init) local acc = init for _, v in ipairs(t) do acc = f(acc, v) end return acc end
local function range(a, b, step) local r = {} for i = a, b, step or 1 do r[#r + 1] = i end return r end
local function curry(f, n)
  n = n or 2
  local function collect(args, count)
    return function(x)
      local a = {unpack(args, 1, count)}
      a[count + 1] = x
      if count + 1 >= n then return f(unpack(a, 1, n)) end
      return collect(a, count + 1)
    end
  end
  return collect({}, 0)
end
local function partial(f, ...)
  local bound = {...}
  local nb = select('#', ...)
  return function(...)
    local args = {unpack(bound, 1, nb)}
    local extra = {...}
    for i = 1, select('#', ...) do args[nb + i] = extra[i] end
    return f(unpack(args, 1, nb + select('#', ...)))
  end
end
local function compose(...)
  local fns = {...}
  return function(...)
    local r = {...}
    for i = #fns, 1, -1 do r = {fns[i](unpack(r))} end
    return unpack(r)
  end
end
local nums = range(1, 10)
print(table.concat(map(nums, function(v) return v * v end), " "))
print(table.concat(filter(nums, function(v) return v % 3 == 0 end), " "))
print(reduce(nums, function(a, b) return a + b end, 0), reduce(nums, math.max, -math.huge))
print(table.concat(map({"a", "b"}, function(v, i) return i .. v end), ","))
local add3 = curry(function(a, b, c) return a + b + c end, 3)
print(add3(1)(2)(3), add3(10)(20)(30))
local greet = partial(string.format, "%s, %s!")
print(greet("Hello", "world"), partial(math.max, 5)(1, 9))
local inc_then_double = compose(function(x) return x * 2 end, function(x) return x + 1 end)
print(inc_then_double(5))
print(table.concat(range(10, 1, -3), " "), #range(1, 0))
local words = {"apple", "Banana", "cherry", "date"}
print(table.concat(map(filter(words, function(w) return #w > 4 end), string.upper), " "))
local function zip(a, b) local r = {} for i = 1, math.min(#a, #b) do r[i] = {a[i], b[i]} end return r end
for _, p in ipairs(zip({1, 2, 3}, {"x", "y"})) do io.write(p[1], p[2], " ") end print()
local function flatmap(t, f) local r = {} for _, v in ipairs(t) do for _, x in ipairs(f(v)) do r[#r + 1] = x end end return r end
print(table.concat(flatmap({1, 2, 3}, function(v) return range(1, v) end), ""))
