local function count_down(n) if n == 0 then return "landed" end return count_down(n - 1) end
print(count_down(1000000))
local obj = {n = 0}
function obj:loop(k) if k == 0 then return self.n end self.n = self.n + 1 return self:loop(k - 1) end
print(obj:loop(200000))
local even, odd
function even(n) if n == 0 then return true end return odd(n - 1) end
function odd(n) if n == 0 then return false end return even(n - 1) end
print(even(100001), odd(100001))
local function returns_many(n) if n == 0 then return 1, 2, 3 end return returns_many(n - 1) end
print(returns_many(50000))
local function paren(n) if n == 0 then return 1, 2, 3 end return (returns_many(n - 1)) end
print(paren(5))
local function tail_pcall() return pcall(error, "tail") end
print(tail_pcall())
local function tail_select(...) return select(2, ...) end
print(tail_select(1, 2, 3))
local function tail_to_c(s) return s:upper() end
print(tail_to_c("tail"))
local function acc(n, total) if n == 0 then return total end return acc(n - 1, total + n) end
print(acc(100000, 0))
