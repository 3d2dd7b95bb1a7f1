local Account = {}
Account.__index = Account
Account.count = 0
function Account.new(owner, balance)
  Account.count = Account.count + 1
  return setmetatable({owner = owner, balance = balance or 0, history = {}}, Account)
end
function Account:deposit(v)
  if v <= 0 then error("deposit must be positive", 2) end
  self.balance = self.balance + v
  self.history[#self.history + 1] = "+" .. v
end
function Account:withdraw(v)
  if v > self.balance then error(string.format("insufficient funds: %s has %.2f, needs %.2f", self.owner, self.balance, v), 2) end
  self.balance = self.balance - v
  self.history[#self.history + 1] = "-" .. v
end
function Account:__tostring() return string.format("%s[%s: %.2f]", self:kind(), self.owner, self.balance) end
function Account:kind() return "Account" end
Account.__eq = function(a, b) return a.owner == b.owner and a.balance == b.balance end
Account.__lt = function(a, b) return a.balance < b.balance end
Account.__le = function(a, b) return a.balance <= b.balance end
local Savings = setmetatable({}, {__index = Account})
Savings.__index = Savings
Savings.__tostring = Account.__tostring
Savings.__eq = Account.__eq
Savings.__lt = Account.__lt
function Savings.new(owner, balance, rate)
  local self = Account.new(owner, balance)
  self.rate = rate
  return setmetatable(self, Savings)
end
function Savings:kind() return "Savings" end
function Savings:addInterest() self:deposit(self.balance * self.rate) end
function Savings:withdraw(v)
  if #self.history >= 3 then error("withdrawal limit reached", 2) end
  Account.withdraw(self, v)
end
local Checking = setmetatable({}, {__index = Account})
Checking.__index = Checking
Checking.__tostring = Account.__tostring
function Checking.new(owner, balance, overdraft)
  local self = Account.new(owner, balance)
  self.overdraft = overdraft
  return setmetatable(self, Checking)
end
function Checking:kind() return "Checking" end
function Checking:withdraw(v)
  if v > self.balance + self.overdraft then error("overdraft exceeded", 2) end
  self.balance = self.balance - v
  self.history[#self.history + 1] = "-" .. v
end
local a = Account.new("ann", 100)
local s = Savings.new("sam", 1000, 0.05)
local c = Checking.new("cat", 50, 100)
a:deposit(50)
s:addInterest()
c:withdraw(120)
print(a, s, c)
print(pcall(a.withdraw, a, 1000))
print(pcall(function() a:deposit(-5) end))
print(pcall(function() c:withdraw(500) end))
s:withdraw(10)
print(pcall(function() s:withdraw(10) s:withdraw(10) end))
print(s, table.concat(s.history, " "))
print(Account.count, a.count, s.count)
print(a == Account.new("ann", 150), a == c, a < s)
local all = {s, a, c}
table.sort(all, function(x, y) return x.balance < y.balance end)
for _, acc in ipairs(all) do io.write(tostring(acc), " ") end print()
print(getmetatable(s) == Savings, getmetatable(Savings).__index == Account)
