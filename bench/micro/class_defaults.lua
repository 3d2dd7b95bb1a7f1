-- Stores over instance fields whose class holds a default of the same name (the PIL pattern
-- `Account = {balance = 0}`): a store fast path must tell an own key from an inherited one.
-- lua class_defaults.lua [N]
local Account = { balance = 0, count = 0 }
Account.__index = Account
function Account.new() local a = setmetatable({}, Account); a.balance = 1; a.count = 1; return a end
function Account:deposit(v) self.balance = self.balance + v; self.count = self.count + 1 end
local accts = {}
for i = 1, 10 do accts[i] = Account.new() end
local n = tonumber(arg and arg[1]) or 20000000
for i = 1, n do accts[i % 10 + 1]:deposit(i % 7) end
local s = 0
for i = 1, 10 do s = s + accts[i].balance + accts[i].count end
print(s)
