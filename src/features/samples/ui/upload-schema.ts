import { z } from "zod";
import { sampleFieldsSchema } from "../schema.ts";
import { fileProblem } from "./sample-files.ts";

/** The chosen file, checked for what the browser can know (size, name) before anything is sent. */
const chosenFileSchema = z
  .custom<File | null>()
  .superRefine((file, ctx) => {
    const problem = fileProblem(file);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  })
  .transform((file) => file as File);

/** The shared sample fields plus the file: what the upload form validates before sending. */
export const sampleUploadSchema = sampleFieldsSchema.extend({ file: chosenFileSchema });
