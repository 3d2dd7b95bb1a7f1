-- objects implemented with closures instead of metatables
local function Stack()
  local items, n = {}, 0
  local self = {}
  function self.push(...) for i = 1, select('#', ...) do n = n + 1 items[n] = (select(i, ...)) end return self end
  function self.pop() if n == 0 then return nil, "empty" end local v = items[n] items[n] = nil n = n - 1 return v end
  function self.peek() return items[n] end
  function self.size() return n end
  return self
end
local s = Stack()
s.push(1, 2, 3).push("four")
print(s.size(), s.peek(), s.pop(), s.pop(), s.size())
print(s.pop(), s.pop(), s.pop())
local s2 = Stack()
s2.push("other")
print(s.size(), s2.size(), s.push == s2.push)
local function Account(balance)
  local history = {}
  return {
    deposit = function(v) balance = balance + v history[#history + 1] = v end,
    balance = function() return balance end,
    history = function() return table.concat(history, ",") end,
  }
end
local a = Account(10)
a.deposit(5) a.deposit(-3)
print(a.balance(), a.history())
local function once(f)
  local done, result = false, nil
  return function(...)
    if not done then done = true result = f(...) end
    return result
  end
end
local init_calls = 0
local init = once(function(x) init_calls = init_calls + 1 return "init " .. x end)
print(init("a"), init("b"), init_calls)
local function debounce_sim()
  local last
  return function(t, v) if last == nil or t - last >= 3 then last = t return v end end
end
local d = debounce_sim()
local got = {}
for t = 1, 10 do local r = d(t, "e" .. t) if r then got[#got + 1] = r end end
print(table.concat(got, " "))
local function gen_id(prefix)
  local n = 0
  return function() n = n + 1 return string.format("%s-%03d", prefix, n) end
end
local ua, ub = gen_id("user"), gen_id("item")
print(ua(), ua(), ub(), ua(), ub())
