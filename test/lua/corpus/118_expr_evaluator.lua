-- recursive descent parser and evaluator for arithmetic expressions
local function evaluate(src, vars)
  local pos = 1
  local function skip() pos = src:find("%S", pos) or #src + 1 end
  local function peek() skip() return src:sub(pos, pos) end
  local expr
  local function primary()
    local c = peek()
    if c == "(" then
      pos = pos + 1
      local v = expr()
      if peek() ~= ")" then error("expected ) at " .. pos, 0) end
      pos = pos + 1
      return v
    elseif c == "-" then pos = pos + 1 return -primary()
    elseif c:match("%d") or c == "." then
      local num = src:match("^%d*%.?%d+", pos) or src:match("^%d+", pos)
      pos = pos + #num
      return tonumber(num)
    elseif c:match("%a") then
      local name = src:match("^%a%w*", pos)
      pos = pos + #name
      if peek() == "(" then
        pos = pos + 1
        local arg = expr()
        pos = pos + 1
        local fn = math[name]
        if not fn then error("unknown function " .. name, 0) end
        return fn(arg)
      end
      local v = vars[name]
      if v == nil then error("unknown variable " .. name, 0) end
      return v
    end
    error("unexpected '" .. c .. "' at " .. pos, 0)
  end
  local function power()
    local base = primary()
    if peek() == "^" then pos = pos + 1 return base ^ power() end
    return base
  end
  local function term()
    local v = power()
    while true do
      local op = peek()
      if op == "*" then pos = pos + 1 v = v * power()
      elseif op == "/" then pos = pos + 1 v = v / power()
      elseif op == "%" then pos = pos + 1 v = v % power()
      else return v end
    end
  end
  function expr()
    local v = term()
    while true do
      local op = peek()
      if op == "+" then pos = pos + 1 v = v + term()
      elseif op == "-" then pos = pos + 1 v = v - term()
      else return v end
    end
  end
  local result = expr()
  if pos <= #src then error("trailing input at " .. pos, 0) end
  return result
end
local vars = {x = 3, y = 4, pi = math.pi}
for _, e in ipairs({"1 + 2 * 3", "(1 + 2) * 3", "2 ^ 3 ^ 2", "-2 ^ 2", "10 / 4", "10 % 4",
  "sqrt(x*x + y*y)", "floor(pi * 100) / 100", "1 - - 1", ".5 + 1.25", "x * (y - (x - y))", "abs(-7) + 0"}) do
  print(string.format("%-22s = %s", e, tostring(evaluate(e, vars))))
end
for _, e in ipairs({"1 +", "(1", "z + 1", "foo(1)", "1 2", "*"}) do
  print(string.format("%-6s -> %s", e, select(2, pcall(evaluate, e, vars))))
end
