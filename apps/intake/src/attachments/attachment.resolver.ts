import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { Authorized } from '@hotline/service-kit';
import { requireUser, ServiceContext } from '@hotline/service-kit';
import { Case } from '../cases/case.entity';
import { postgresAttachmentStore } from './attachment-store';
import { removeAttachment } from './attachments';

/** 附件 over GraphQL: upload and download are plain HTTP (attachments.routes.ts); removal is here. */
@Resolver()
export class AttachmentResolver {
  /** 撤回附件 (duty, admin): with a reason; the file is deleted for good, audited. */
  @Authorized(['duty', 'admin'])
  @Mutation(() => Case, { description: '撤回上传的附件（文件彻底删除，无法恢复），须填写原因；区平台的附件链接不能撤回' })
  removeAttachment(
    @Arg('caseId', () => ID) caseId: string,
    @Arg('attachmentId', () => ID, { description: '上传附件的编号' }) attachmentId: string,
    @Arg('reason', () => String, { description: '撤回原因（4–200 字）' }) reason: string,
    @Ctx() ctx: ServiceContext,
  ): Promise<Case> {
    return removeAttachment(ctx.em, postgresAttachmentStore, requireUser(ctx), { caseId, attachmentId, reason });
  }
}
