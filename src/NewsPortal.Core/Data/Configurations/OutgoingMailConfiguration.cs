using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsPortal.Core.Mail;
using NewsPortal.Core.Messages;

namespace NewsPortal.Core.Data.Configurations;

internal sealed class OutgoingMailConfiguration : IEntityTypeConfiguration<OutgoingMail>
{
    public void Configure(EntityTypeBuilder<OutgoingMail> b)
    {
        b.Property(m => m.Author).HasMaxLength(256);
        b.Property(m => m.StaffId).HasMaxLength(450);
        b.Property(m => m.To).HasMaxLength(MessageLimits.Email).IsRequired();
        b.Property(m => m.Subject).HasMaxLength(OutgoingMailLimits.Subject).IsRequired();
        b.Property(m => m.Body).HasMaxLength(OutgoingMailLimits.Body).IsRequired();
        b.Property(m => m.ClaimToken).HasMaxLength(32);
        b.Property(m => m.LastError).HasMaxLength(OutgoingMailLimits.Error);
        b.Property(m => m.MessageIdHeader).HasMaxLength(100).IsRequired();
        b.HasOne(m => m.Message).WithMany(m => m.Mails).HasForeignKey(m => m.MessageId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(m => new { m.State, m.NextAttemptAt });
    }
}
