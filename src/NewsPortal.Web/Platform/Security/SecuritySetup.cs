using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.CookiePolicy;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using NewsPortal.Web.Platform.Forms;

namespace NewsPortal.Web.Platform.Security;

public static class SecuritySetup
{
    /// <summary>The largest request body accepted anywhere (an image upload plus its form).</summary>
    public const long MaxRequestBodyBytes = 12L * 1024 * 1024;

    /// <summary>Request limits chosen on purpose rather than left at the server's defaults.</summary>
    public static IServiceCollection AddRequestLimits(this IServiceCollection services)
    {
        services.Configure<KestrelServerOptions>(options =>
        {
            options.Limits.MaxRequestBodySize = MaxRequestBodyBytes;
            options.Limits.MaxRequestHeadersTotalSize = 96 * 1024;
            // Long enough that an over-long search reaches the app and gets its explanation, not a bare 414.
            options.Limits.MaxRequestLineSize = 64 * 1024;
            options.AddServerHeader = false;
        });
        services.Configure<FormOptions>(options =>
        {
            options.MultipartBodyLengthLimit = MaxRequestBodyBytes;
            options.ValueLengthLimit = 512 * 1024;
            options.ValueCountLimit = 200;
            options.KeyLengthLimit = 200;
        });
        services.AddHsts(options =>
        {
            options.MaxAge = TimeSpan.FromDays(365);
            options.IncludeSubDomains = true;
        });
        return services;
    }

    /// <summary>
    /// What keeps pages within the Content-Security-Policy and cookies out of scripts' and other sites' reach:
    /// no client-side validation markup (its empty error summary carries an inline style the policy blocks, and
    /// the site ships no validation script), no posted form holding a NUL character, every cookie HttpOnly, and Secure whenever the request came over
    /// HTTPS (the antiforgery cookie included, which ASP.NET Core would otherwise send without it).
    /// </summary>
    public static IServiceCollection AddSecurityPolicies(this IServiceCollection services)
    {
        services.Configure<MvcViewOptions>(options => options.HtmlHelperOptions.ClientValidationEnabled = false);
        services.Configure<MvcOptions>(options => options.Filters.Add<NulInFormFilter>());
        services.Configure<CookiePolicyOptions>(options =>
        {
            options.HttpOnly = HttpOnlyPolicy.Always;
            options.Secure = CookieSecurePolicy.SameAsRequest;
        });
        services.Configure<AntiforgeryOptions>(options =>
        {
            options.Cookie.HttpOnly = true;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.Cookie.SameSite = SameSiteMode.Strict;
        });
        return services;
    }

    /// <summary>Security headers on every response; HSTS on HTTPS outside development.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseMiddleware<SecurityHeadersMiddleware>();
        return app;
    }
}
