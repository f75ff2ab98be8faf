using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsPortal.Core.Messages;

namespace NewsPortal.Core.Data.Configurations;

internal sealed class MessageConfiguration : IEntityTypeConfiguration<Message>
{
    public void Configure(EntityTypeBuilder<Message> b)
    {
        b.Property(m => m.Reference).HasMaxLength(32).IsRequired();
        b.Property(m => m.Name).HasMaxLength(MessageLimits.Name).IsRequired();
        b.Property(m => m.Email).HasMaxLength(MessageLimits.Email).IsRequired();
        b.Property(m => m.Subject).HasMaxLength(MessageLimits.Subject).IsRequired();
        b.Property(m => m.Body).HasMaxLength(MessageLimits.Body).IsRequired();
        b.Property(m => m.SpamReason).HasMaxLength(200);
        b.HasIndex(m => m.Reference).IsUnique();
        b.HasIndex(m => new { m.Status, m.ReceivedAt });
        b.HasIndex(m => m.ReceivedAt);
        b.HasOne(m => m.AssignedTo).WithMany().HasForeignKey(m => m.AssignedToId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class MessageNoteConfiguration : IEntityTypeConfiguration<MessageNote>
{
    public void Configure(EntityTypeBuilder<MessageNote> b)
    {
        b.Property(n => n.Author).HasMaxLength(256);
        b.Property(n => n.Text).HasMaxLength(4000).IsRequired();
        b.HasOne(n => n.Message).WithMany(m => m.Notes).HasForeignKey(n => n.MessageId).OnDelete(DeleteBehavior.Cascade);
    }
}
