-- The handlers of the request group's context cases (bench/request.ts): each reads what its
-- case reads. The request use of each (compiled mode) is what the compiler proves for it.
local api = rover.server { log_level = "nope" }

function api.headers.post(ctx)
  return ctx:headers()["user-agent"]
end

function api.search.post(ctx)
  local q = ctx:query()
  return q.q .. " " .. q.page
end

function api.shops.p_shop.p_category.p_item.post(ctx)
  local p = ctx:params()
  return p.shop .. "/" .. p.category .. "/" .. p.item
end

function api.upload.post(ctx)
  return ctx:body():text()
end

return api
