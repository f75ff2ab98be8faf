using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsPortal.Core.Consent;
using NewsPortal.Core.Policies;

namespace NewsPortal.Core.Data.Configurations;

internal sealed class PolicyDocumentConfiguration : IEntityTypeConfiguration<PolicyDocument>
{
    public void Configure(EntityTypeBuilder<PolicyDocument> b)
    {
        b.Property(d => d.Key).HasMaxLength(32).IsRequired();
        b.Property(d => d.Title).HasMaxLength(200).IsRequired();
        b.HasIndex(d => d.Key).IsUnique();
    }
}

internal sealed class PolicyRevisionConfiguration : IEntityTypeConfiguration<PolicyRevision>
{
    public void Configure(EntityTypeBuilder<PolicyRevision> b)
    {
        b.Property(r => r.CreatedBy).HasMaxLength(256);
        b.HasIndex(r => new { r.DocumentId, r.Number }).IsUnique();
        b.HasOne(r => r.Document).WithMany(d => d.Revisions).HasForeignKey(r => r.DocumentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PolicyTranslationConfiguration : IEntityTypeConfiguration<PolicyTranslation>
{
    public void Configure(EntityTypeBuilder<PolicyTranslation> b)
    {
        b.Property(t => t.Language).HasMaxLength(20).IsRequired();
        b.Property(t => t.Title).HasMaxLength(200).IsRequired();
        b.Property(t => t.UpdatedBy).HasMaxLength(256);
        b.HasIndex(t => new { t.DocumentId, t.Language }).IsUnique();
        b.HasOne(t => t.Document).WithMany(d => d.Translations).HasForeignKey(t => t.DocumentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ConsentRecordConfiguration : IEntityTypeConfiguration<ConsentRecord>
{
    public void Configure(EntityTypeBuilder<ConsentRecord> b)
    {
        b.HasIndex(c => c.ConsentId);
        b.HasIndex(c => c.RecordedAt);
    }
}
