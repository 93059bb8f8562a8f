import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { randomUUID } from 'node:crypto';
import { UserRef } from '@hotline/service-kit';

/** 佐证材料: a file on a typical case (photos, documents, recordings). Its bytes sit in the service's FileStore. */
@ObjectType('PublicityMaterial', { description: '典型案例材料' })
@Entity({ tableName: 'publicity_material' })
@Index({ properties: ['itemId', 'uploadedAt'] })
export class Material {
  @Field(() => ID) @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @Property({ type: 'uuid' }) itemId!: string;
  @Field(() => String, { description: '文件名' }) @Property({ type: 'string', length: 200 }) name!: string;
  @Field(() => String) @Property({ type: 'string', length: 120 }) contentType!: string;
  @Field(() => Int, { description: '字节数' }) @Property({ type: 'integer' }) size!: number;
  /** Content address in the store. */
  @Property({ type: 'string', length: 64 }) sha256!: string;
  @Property({ type: 'uuid' }) uploadedBy!: string;
  @Field(() => Date) @Property({ type: 'Date', columnType: 'timestamptz' }) uploadedAt!: Date;

  @Field(() => String, { description: '下载地址（需携带身份令牌）' })
  url(): string {
    return materialUrl(this.itemId, this.id);
  }

  @Field(() => UserRef, { description: '上传人' })
  uploader(): UserRef {
    return { id: this.uploadedBy };
  }
}

export const materialUrl = (itemId: string, id: string) => `/typical-cases/${itemId}/materials/${id}`;
