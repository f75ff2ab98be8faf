namespace NewsPortal.Core.Policies;

/// <summary>A staff-edited page such as the Privacy Statement; its text lives in revisions.</summary>
public class PolicyDocument
{
    public int Id { get; set; }

    /// <summary>Stable key and URL path: "privacy", "terms", "about", "contact".</summary>
    public string Key { get; set; } = "";
    public string Title { get; set; } = "";
    public List<PolicyRevision> Revisions { get; set; } = [];
    public List<PolicyTranslation> Translations { get; set; } = [];
}

/// <summary>
/// A policy page in another reader language ("zh-Hans"), edited by staff. The English revisions stay the text in
/// force (they carry the effective dates and consent versions); a translation names the revision it was made
/// from, so readers are told when the English text has moved on since.
/// </summary>
public class PolicyTranslation
{
    public int Id { get; set; }
    public int DocumentId { get; set; }
    public PolicyDocument? Document { get; set; }
    public string Language { get; set; } = "";
    public string Title { get; set; } = "";
    public string Markdown { get; set; } = "";
    public string Html { get; set; } = "";

    /// <summary>The number of the English revision this translation renders.</summary>
    public int RevisionNumber { get; set; }
    public DateTime UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";
}

public class PolicyRevision
{
    public int Id { get; set; }
    public int DocumentId { get; set; }
    public PolicyDocument? Document { get; set; }
    public int Number { get; set; }
    public string Markdown { get; set; } = "";
    public string Html { get; set; } = "";

    /// <summary>The date the revision takes effect; the page shows it as "last revised".</summary>
    public DateTime EffectiveAt { get; set; }

    /// <summary>A material revision asks every reader for consent again.</summary>
    public bool IsMaterial { get; set; }

    /// <summary>The consent version this revision belongs to: the count of material revisions up to it.</summary>
    public int ConsentVersion { get; set; }
    public DateTime CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
}
