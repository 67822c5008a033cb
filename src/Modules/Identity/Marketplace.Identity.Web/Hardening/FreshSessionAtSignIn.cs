using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Marketplace.Identity.Web.Hardening;

/// <summary>
/// The cookie handler reuses the session key of the request's cookie when it signs someone in (it renews the stored
/// session instead of making a new one). A sign-in must start a new session, so that a session id known before it
/// (planted, or copied) is worth nothing after it: this ends the old session and hides its cookie from the handler.
/// </summary>
internal sealed class FreshSessionAtSignIn(RequestDelegate next, IOptionsMonitor<CookieAuthenticationOptions> cookies)
{
    private const string SessionIdClaim = "Microsoft.AspNetCore.Authentication.Cookies-SessionId";

    public async Task InvokeAsync(HttpContext context)
    {
        if (HttpMethods.IsPost(context.Request.Method)
            && context.Request.Path.StartsWithSegments("/Account/SignIn", StringComparison.OrdinalIgnoreCase))
        {
            var options = cookies.Get(IdentityConstants.ApplicationScheme);
            var name = options.Cookie.Name!;
            if (context.Request.Cookies.TryGetValue(name, out var value))
            {
                var sessionId = options.TicketDataFormat.Unprotect(value)?.Principal.FindFirst(SessionIdClaim)?.Value;
                if (sessionId is not null && options.SessionStore is { } store)
                {
                    await store.RemoveAsync(sessionId, context, context.RequestAborted);
                }

                var others = context.Request.Cookies.Where(c => c.Key != name).Select(c => new CookieHeaderValue(c.Key, c.Value).ToString());
                context.Request.Headers.Cookie = string.Join("; ", others);
            }
        }

        await next(context);
    }
}
