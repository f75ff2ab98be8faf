using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsPortal.Core.Media.Library;

namespace NewsPortal.Core.Data.Configurations;

internal sealed class MediaItemConfiguration : IEntityTypeConfiguration<MediaItem>
{
    public void Configure(EntityTypeBuilder<MediaItem> b)
    {
        b.Property(m => m.AltText).HasMaxLength(MediaLimits.AltText).IsRequired();
        b.Property(m => m.Caption).HasMaxLength(MediaLimits.Caption);
        b.Property(m => m.Credit).HasMaxLength(MediaLimits.Credit);
        b.Property(m => m.OriginalFileName).HasMaxLength(MediaLimits.FileName);
        b.Property(m => m.CreatedBy).HasMaxLength(256);
        b.Property(m => m.VideoFile).HasMaxLength(100);
        b.Property(m => m.VideoType).HasMaxLength(32);
        b.Property(m => m.CaptionsFile).HasMaxLength(100);
        b.Property(m => m.CaptionsLanguage).HasMaxLength(16);
        b.HasIndex(m => m.CreatedAt);
        b.HasIndex(m => m.ImageId);
        b.HasOne(m => m.Image).WithMany().HasForeignKey(m => m.ImageId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ArticleMediaConfiguration : IEntityTypeConfiguration<ArticleMedia>
{
    public void Configure(EntityTypeBuilder<ArticleMedia> b)
    {
        b.HasKey(u => new { u.ArticleId, u.Position });
        b.Property(u => u.Caption).HasMaxLength(MediaLimits.Caption);
        b.HasIndex(u => u.MediaItemId);
        b.HasOne(u => u.Article).WithMany().HasForeignKey(u => u.ArticleId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(u => u.Item).WithMany().HasForeignKey(u => u.MediaItemId).OnDelete(DeleteBehavior.Restrict);
    }
}
