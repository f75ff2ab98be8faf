using NewsPortal.Core.Consent;

namespace NewsPortal.Web.Features.Consent;

/// <summary>
/// The reader's consent for this request, set as an HttpContext feature by <see cref="ConsentMiddleware"/>
/// and read by the banner, the cookie settings page and the cookie policy.
/// </summary>
public sealed class ReaderConsent
{
    /// <summary>No usable consent cookie: the reader has not chosen.</summary>
    public static readonly ReaderConsent NoChoice = new(ConsentState.None, null, null);

    public ReaderConsent(ConsentState state, ConsentCookie? cookie, ConsentVersions? current)
    {
        State = state;
        Cookie = cookie;
        Current = current;
    }

    public ConsentState State { get; }

    /// <summary>The consent cookie the request carried, if it could be read.</summary>
    public ConsentCookie? Cookie { get; }

    /// <summary>The policy versions in force (read only when the request carried a consent cookie).</summary>
    public ConsentVersions? Current { get; }

    public bool PrivacyRevised => State == ConsentState.Outdated && Cookie!.Versions.Privacy < Current!.Value.Privacy;

    public bool TermsRevised => State == ConsentState.Outdated && Cookie!.Versions.Terms < Current!.Value.Terms;

    /// <summary>"none", "accepted", "rejected" or "outdated".</summary>
    public string Key => State switch
    {
        ConsentState.Accepted => "accepted",
        ConsentState.Rejected => "rejected",
        ConsentState.Outdated => "outdated",
        _ => "none",
    };

    /// <summary>The consent of the current request; no choice when the middleware has not run.</summary>
    public static ReaderConsent Of(HttpContext context) => context.Features.Get<ReaderConsent>() ?? NoChoice;
}
