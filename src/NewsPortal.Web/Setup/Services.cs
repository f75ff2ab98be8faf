using Microsoft.AspNetCore.Identity;
using NewsPortal.Core.Articles;
using NewsPortal.Core.Articles.Listings;
using NewsPortal.Core.Consent;
using NewsPortal.Core.Data;
using NewsPortal.Core.Markdown;
using NewsPortal.Core.Seeding;
using NewsPortal.Core.Staff;
using NewsPortal.Web.Features.Consent;
using NewsPortal.Web.Features.Feeds;
using NewsPortal.Web.Features.Mail;
using NewsPortal.Web.Features.Messages;
using NewsPortal.Web.Features.Policies;
using NewsPortal.Web.Features.Search;
using NewsPortal.Web.Features.Staff;
using NewsPortal.Web.Features.Staff.Articles;
using NewsPortal.Web.Features.Staff.Settings;
using NewsPortal.Web.Features.Topics;
using NewsPortal.Web.Features.Staff.Media;
using NewsPortal.Web.Platform.Caching;
using NewsPortal.Web.Platform.Forms;
using NewsPortal.Web.Platform.Health;
using NewsPortal.Web.Platform.Localization;
using NewsPortal.Web.Platform.ScaleOut;
using NewsPortal.Web.Platform.Security;
using NewsPortal.Web.Platform.Site;

namespace NewsPortal.Web.Setup;

public static class Services
{
    /// <summary>Everything the portal registers, one block per feature.</summary>
    public static IServiceCollection AddNewsPortal(this IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environment)
    {
        services.AddSiteSettings(configuration);
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<SiteOptions>, SiteLanguagesValidation>();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<SiteTime>();
        services.AddMemoryCache();

        services.AddNewsDatabase(configuration, environment);

        // Content
        services.AddSingleton<MarkdownRenderer>();
        services.AddScoped<ArticleQueries>();
        services.AddScoped<DirectoryQueries>();
        services.AddSingleton<ListingPositions>();
        services.AddSingleton<ArticlePageQueries>();
        services.AddSingleton<HomePageQueries>();
        services.AddScoped<DemoContentSeeder>();
        services.AddScoped<StarterPolicies>();
        services.AddSearch(configuration);
        services.AddFeeds(configuration);
        services.AddTopics();

        services.AddStaffIdentity();
        services.AddNewsroom(configuration);
        services.AddSiteAdministration(configuration);
        services.AddMediaLibraryPages(configuration);
        services.AddNewsroomReview(configuration);
        services.AddConsent(configuration);
        services.AddPolicyPages();
        services.AddMessages(configuration);
        services.AddMail(configuration);
        services.AddClientRateLimits(configuration);

        services.AddReaderCaching(configuration);
        services.AddRequestLimits();
        services.AddScaleOut(configuration, environment);
        services.AddSecurityPolicies();

        services.AddReaderLanguages();
        services.AddStaffLanguages();
        services.AddRazorPages(options =>
        {
            options.RootDirectory = "/Features";
            options.Conventions.AuthorizeStaffFolders();
        });

        services.AddPortalHealthChecks(configuration);
        return services;
    }

    private static void AddStaffIdentity(this IServiceCollection services)
    {
        services.AddIdentity<StaffUser, IdentityRole>(options =>
            {
                options.User.RequireUniqueEmail = true;
                // Current NIST guidance (SP 800-63B): a minimum length and a check against common passwords
                // (CommonPasswordValidator), no rules about kinds of characters; long passphrases are welcome.
                options.Password.RequiredLength = 12;
                options.Password.RequiredUniqueChars = 1;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireDigit = false;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<NewsDbContext>()
            .AddDefaultTokenProviders()
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddClaimsPrincipalFactory<StaffClaimsPrincipalFactory>();
        services.AddScoped<StaffSignIn>();

        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = "np_staff";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.Cookie.IsEssential = true;
            options.LoginPath = "/staff/sign-in";
            options.LogoutPath = "/staff/sign-out";
            options.AccessDeniedPath = "/staff/denied";
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
            SessionLifetime.Apply(options);

            // After sign-in the handler goes back to the ReturnUrl of the sign-in address as it was typed; a Location
            // header holding anything but ASCII would fail the answer.
            options.Events.OnRedirectToReturnUrl = context =>
            {
                context.Response.Redirect(LocalUrl.ForLocationHeader(context.RedirectUri));
                return Task.CompletedTask;
            };
        });

        // The session cookie is checked against the account on every request, so signing out, a lock or a role
        // change ends or changes every session of the account at once, not after the default half hour.
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.Zero);

        services.AddAuthorizationBuilder().AddStaffPolicies();
    }
}
