#include "core/file_store.h"

#include <gtest/gtest.h>

#include <string>

namespace anlan {
namespace {

TEST(Upload, NameAndContentMustAgree) {
  const std::string jpeg = "\xFF\xD8\xFF\xE0rest of a photo";
  EXPECT_EQ(checkUpload("现场照片.JPG", jpeg).value(), "image/jpeg");
  EXPECT_EQ(checkUpload("plan.pdf", "%PDF-1.7\n").value(), "application/pdf");
  EXPECT_EQ(checkUpload("", jpeg).error().field, "name");
  EXPECT_EQ(checkUpload("../../etc/x.jpg", jpeg).error().field, "name");
  EXPECT_EQ(checkUpload("..\\boot.jpg", jpeg).error().field, "name");
  EXPECT_EQ(checkUpload(std::string(197, 'a') + ".jpg", jpeg).error().field, "name");
  EXPECT_EQ(checkUpload(std::string("a\0.jpg", 6), jpeg).error().field, "name");
  EXPECT_EQ(checkUpload("photo.gif", "GIF89a").error().field, "name");
  EXPECT_EQ(checkUpload("photo.jpg", "").error().field, "file");
  EXPECT_EQ(checkUpload("photo.png", jpeg).error().field, "file");  // a JPEG named .png
}

}  // namespace
}  // namespace anlan
