namespace NewsPortal.Core.Data;

/// <summary>
/// One row whose <see cref="Value"/> goes up with every saved change to what article listings contain or
/// how they are ordered. Anything that keeps a derived copy of a listing in memory (see
/// <see cref="Articles.Listings.ListingPositions"/>) compares it to tell whether the copy still holds, in
/// every instance that shares the database, whichever process made the change.
/// </summary>
public class ContentVersion
{
    public const int SingletonId = 1;

    public int Id { get; set; }
    public long Value { get; set; }
}
