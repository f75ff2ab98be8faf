namespace NewsPortal.Core.Consent;

public enum ConsentChoice
{
    Rejected = 0,
    Accepted = 1,
}

/// <summary>
/// A reader's cookie choice as recorded server-side: which choice, against which policy versions, when.
/// No IP address or other identifier beyond the random id kept in the reader's consent cookie.
/// </summary>
public class ConsentRecord
{
    public long Id { get; set; }
    public Guid ConsentId { get; set; }
    public ConsentChoice Choice { get; set; }
    public int PrivacyVersion { get; set; }
    public int TermsVersion { get; set; }
    public DateTime RecordedAt { get; set; }
}
